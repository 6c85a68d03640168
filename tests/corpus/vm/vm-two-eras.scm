;; Two build VMs from different eras on one host, each with its own SSH port.
(use-modules (gnu)
             (srfi srfi-19))
(use-service-modules networking virtualization)

(define (era-vm name year ssh-port)
  (service virtual-build-machine-service-type
           (virtual-build-machine
            (name name)
            (date (make-date 0 0 0 0 1 1 year 0))
            (port-forwardings `((,ssh-port . 22) (,(+ ssh-port 22) . 1004))))))

(operating-system
  (host-name "eras")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "eras"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons* (service dhcpcd-service-type)
                   (era-vm 'past 2011 12022)
                   (era-vm 'present 2023 13022)
                   %base-services)))
