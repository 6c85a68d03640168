;; A headless server whose GRUB and kernel talk on the first serial port at 115200 baud.
(use-modules (gnu))
(use-service-modules networking ssh)

(operating-system
  (host-name "serial")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/vda"))
               (terminal-outputs '(serial console))
               (terminal-inputs '(serial console))
               (serial-unit 0)
               (serial-speed 115200)))
  (kernel-arguments (cons "console=ttyS0,115200" %default-kernel-arguments))
  (file-systems (cons (file-system
                        (device "/dev/vda1")
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons* (service dhcpcd-service-type)
                   (service openssh-service-type)
                   %base-services)))
