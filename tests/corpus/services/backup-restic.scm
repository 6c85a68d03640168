;; Nightly restic backups of /home and /etc to a repository on a mounted disk.
(use-modules (gnu))
(use-service-modules backup networking)

(operating-system
  (host-name "saver")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "saver"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service restic-backup-service-type
                   (restic-backup-configuration
                    (jobs
                     (list (restic-backup-job
                            (name "nightly")
                            (repository "/mnt/backup/restic")
                            (password-file "/etc/restic/password")
                            (schedule "0 1 * * *")
                            (files (list "/home" "/etc")))))))
          %base-services)))
