;; A Guix build coordinator with one local agent, and guix-home for the operator's account.
(use-modules (gnu))
(use-service-modules guix networking)

(operating-system
  (host-name "coordinator")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "coordinator"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service guix-build-coordinator-service-type)
          (service guix-build-coordinator-agent-service-type
                   (guix-build-coordinator-agent-configuration
                    (coordinator "http://localhost:8745")
                    (authentication
                     (guix-build-coordinator-agent-password-file-auth
                      (uuid "e2f9a5d3-2f2b-4b67-9a61-0c2d9c0e7c51")
                      (password-file "/etc/guix-build-coordinator-agent-password")))
                    (max-parallel-builds 2)))
          %base-services)))
