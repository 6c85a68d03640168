;; A monitored node: Prometheus node exporter, a Zabbix agent and vnstat traffic counters.
(use-modules (gnu))
(use-service-modules monitoring networking)

(operating-system
  (host-name "node7")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "node7"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service prometheus-node-exporter-service-type
                   (prometheus-node-exporter-configuration
                    (web-listen-address ":9100")))
          (service zabbix-agent-service-type
                   (zabbix-agent-configuration
                    (server '("zabbix.example.com"))
                    (server-active '("zabbix.example.com"))))
          (service vnstat-service-type)
          %base-services)))
