;; Git hosting: gitolite for pushes, git-daemon for anonymous clones, cgit behind nginx.
(use-modules (gnu))
(use-service-modules cgit networking version-control web)

(operating-system
  (host-name "git")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "git"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service gitolite-service-type
                   (gitolite-configuration
                    (admin-pubkey
                     (plain-file "admin.pub"
                                 "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOmkbi0Tj3a0d0kHgHq6ilxAlp1cNu4RQSV3pCJDGOQx admin@git\n"))))
          (service git-daemon-service-type
                   (git-daemon-configuration
                    (base-path "/var/lib/gitolite/repositories")
                    (export-all? #t)))
          (service nginx-service-type)
          (service fcgiwrap-service-type)
          (service cgit-service-type
                   (cgit-configuration
                    (repository-directory "/var/lib/gitolite/repositories")
                    (root-title "Example Git")))
          %base-services)))
