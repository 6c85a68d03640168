;; A container host: Docker (with containerd), an OCI container run by Shepherd, and elogind.
(use-modules (gnu))
(use-service-modules desktop docker networking)

(operating-system
  (host-name "dock")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "dock"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (users (cons (user-account
                (name "ops")
                (group "users")
                (supplementary-groups '("wheel" "docker")))
               %base-user-accounts))
  (services
   (cons* (service dhcpcd-service-type)
          (service elogind-service-type)
          (service containerd-service-type)
          (service docker-service-type)
          (service oci-container-service-type
                   (list (oci-container-configuration
                          (image "docker.io/library/nginx:stable")
                          (provision "web")
                          (network "host")
                          (ports '(("8080" . "80"))))))
          %base-services)))
