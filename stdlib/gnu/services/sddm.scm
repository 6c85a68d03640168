;;; (gnu services sddm): the SDDM display manager, with the Shepherd service Guix's runs
;;; ('xorg-server'); its configuration comes from the generated data.

(define-module (gnu services sddm)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:use-module ((generated gnu services sddm) #:select (sddm-configuration))
  #:export (sddm-service-type))

(define sddm-service-type
  (daemon-service-type 'sddm '(xorg-server) '(user-processes host-name udev elogind)
                       (sddm-configuration) "Run the SDDM display manager."))
