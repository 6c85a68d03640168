;; The daemon offloads to two machines declared in guix-configuration as gexps, and the
;; farm's signing key is authorized.
(use-modules (gnu))
(use-service-modules networking)

(define (farm-node name systems)
  #~(build-machine
     (name #$name)
     (systems '#$systems)
     (user "offload")
     (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRMBWGa1XkprVAcTU8jY30AEiGt0G3OhT5mEyfS3UBb root@builder")
     (private-key "/etc/guix/offload/id_ed25519")))

(operating-system
  (host-name "frontend")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "frontend"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons (service dhcpcd-service-type)
                  (modify-services %base-services
                    (guix-service-type config =>
                                       (guix-configuration
                                        (inherit config)
                                        (build-machines
                                         (list (farm-node "node1.farm.example.org" '("x86_64-linux" "i686-linux"))
                                               (farm-node "node2.farm.example.org" '("aarch64-linux"))))
                                        (authorized-keys
                                         (cons (local-file "../support/keys/build-farm.example.org.pub")
                                               %default-authorized-guix-keys))))))))
