;; A message broker: RabbitMQ with its default configuration.
(use-modules (gnu))
(use-service-modules high-availability networking)

(operating-system
  (host-name "broker")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "broker"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service rabbitmq-service-type)
          %base-services)))
