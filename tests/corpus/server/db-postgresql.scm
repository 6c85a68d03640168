;; A database server: PostgreSQL 16 with two roles and their databases, backed up by mcron.
(use-modules (gnu))
(use-service-modules databases mcron networking)
(use-package-modules databases)

(define %dump-job
  #~(job "30 2 * * *"
         "pg_dumpall --file=/var/backups/pg.sql"
         #:user "postgres"))

(operating-system
  (host-name "pg1")
  (timezone "Europe/Helsinki")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "pg1"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service postgresql-service-type
                   (postgresql-configuration
                    (postgresql postgresql-16)
                    (port 5432)))
          (service postgresql-role-service-type
                   (postgresql-role-configuration
                    (roles (list (postgresql-role
                                  (name "accounting")
                                  (create-database? #t))
                                 (postgresql-role
                                  (name "reporting")
                                  (permissions '(login))
                                  (create-database? #t))))))
          (simple-service 'pg-dump mcron-service-type (list %dump-job))
          %base-services)))
