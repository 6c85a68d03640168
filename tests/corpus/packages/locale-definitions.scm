;; Only the locales the users need, with their definitions spelled out.
(use-modules (gnu) (gnu system locale))

(operating-system
  (host-name "polyglot")
  (timezone "Europe/Brussels")
  (locale "nl_BE.utf8")
  (locale-definitions (list (locale-definition
                             (name "nl_BE.utf8") (source "nl_BE"))
                            (locale-definition
                             (name "fr_BE.utf8") (source "fr_BE"))
                            (locale-definition
                             (name "de_DE.utf8") (source "de_DE"))))
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "polyglot"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services %base-services))
