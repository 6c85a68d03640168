;; Base services tuned with modify-services (more build users, another substitute server) and a VM.
(use-modules (gnu))
(use-service-modules networking virtualization)

(operating-system
  (host-name "tuned")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "tuned"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons* (service dhcpcd-service-type)
                   (service virtual-build-machine-service-type
                            (virtual-build-machine (name 'tuned-vm)))
                   (modify-services %base-services
                     (guix-service-type config =>
                                        (guix-configuration
                                         (inherit config)
                                         (build-accounts 16)
                                         (extra-options '("--max-jobs=4"))))))))
