;; guix-differential: guix-rejects
;; The SSH service added twice (once in a helper list, once directly): 'ssh-daemon is provided twice.
(use-modules (gnu))
(use-service-modules ssh)

(define %remote-access
  (list (service openssh-service-type)))

(operating-system
  (host-name "oops")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets (quote ("/dev/sda")))))
  (file-systems (cons (file-system
                        (device (file-system-label "oops"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (append %remote-access
                    (list (service openssh-service-type
                                   (openssh-configuration (port-number 2222))))
                    %base-services)))
