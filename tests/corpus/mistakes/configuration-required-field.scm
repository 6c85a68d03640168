;; guix-differential: guix-rejects
;; A define-configuration field with no default value that the record does not give: Guix's
;; sanitizer refuses the unset marker.
(use-modules (gnu) (gnu services configuration))

(define-configuration/no-serialization banner-configuration
  (title (string) "Title of the banner; no default.")
  (width (integer 72) "Width in columns."))

(define %banner (banner-configuration (width 60)))

(define banner-service-type
  (service-type
   (name (quote banner))
   (extensions (list (service-extension etc-service-type
                                        (lambda (config) (list)))))
   (description "A banner.")))

(operating-system
  (host-name "cfg")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets (quote ("/dev/sda")))))
  (file-systems (cons (file-system
                        (device (file-system-label "cfg"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons (service banner-service-type %banner) %base-services)))
