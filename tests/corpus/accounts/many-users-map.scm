;; A classroom: twenty student accounts made with `map' over their numbers.
(use-modules (gnu) (srfi srfi-1))

(define (student n)
  (user-account
   (name (string-append "student" (number->string n)))
   (comment (string-append "Student " (number->string n)))
   (group "users")))

(operating-system
  (host-name "classroom")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "classroom"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (users (append (map student (iota 20 1))
                 %base-user-accounts))
  (services %base-services))
