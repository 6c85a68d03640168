;; A host that offloads both to a local build VM and to a remote machine listed in guix-configuration.
(use-modules (gnu))
(use-service-modules networking ssh virtualization)

(define %remote-machine
  #~(build-machine
     (name "arm64.example.org")
     (systems (list "aarch64-linux"))
     (user "offload")
     (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFxYBpRt8Cx3KX+0kg6hB2rOQqPEm0qIN0q5hnP3HH2t root@arm64")
     (private-key "/etc/guix/offload/id_ed25519")))

(operating-system
  (host-name "offloader")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "offloader"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons* (service dhcpcd-service-type)
                   (service openssh-service-type)
                   (service virtual-build-machine-service-type)
                   (modify-services %base-services
                     (guix-service-type config =>
                                        (guix-configuration
                                         (inherit config)
                                         (build-machines
                                          (list %remote-machine))))))))
