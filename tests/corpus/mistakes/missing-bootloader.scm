;; guix-differential: guix-rejects
;; An operating-system without its mandatory bootloader field.
(use-modules (gnu))

(operating-system
  (host-name "nobootloader")
  (timezone "Etc/UTC")
  (file-systems (cons (file-system
                        (device (file-system-label "root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems)))
