;;; (corpus-site base): the organisation's base operating system, used by several machines.
(define-module (corpus-site base)
  #:use-module (gnu)
  #:use-module (gnu services networking)
  #:use-module (gnu services ssh)
  #:export (%site-os
            site-user))

(define (site-user name comment)
  (user-account
   (name name)
   (comment comment)
   (group "users")
   (supplementary-groups '("wheel"))))

(define %site-os
  (operating-system
    (host-name "site-template")
    (timezone "Europe/Paris")
    (locale "fr_FR.utf8")
    (bootloader (bootloader-configuration
                 (bootloader grub-bootloader)
                 (targets '("/dev/sda"))))
    (file-systems (cons (file-system
                          (device (file-system-label "root"))
                          (mount-point "/")
                          (type "ext4"))
                        %base-file-systems))
    (users (cons (site-user "admin" "Site administrator") %base-user-accounts))
    (services (cons* (service dhcpcd-service-type)
                     (service openssh-service-type)
                     %base-services))))
