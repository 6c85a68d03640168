;;; (gnu services catalogue): vbmc's helper for service types it models by their Shepherd
;;; service only.
;;;
;;; Service types vbmc does not model at all come from Guix's generated data (stdlib/generated):
;;; real service types with Guix's names and default values, and configuration constructors
;;; that check Guix's field names.  Some of them run a daemon other services require (D-Bus,
;;; elogind, a display manager...): for those, a hand-written module defines the service type
;;; with daemon-service-type, so that Shepherd requirement checks see the provisions Guix's has.

(define-module (gnu services catalogue)
  #:use-module (gnu services)
  #:use-module (gnu services shepherd)
  #:export (daemon-service-type))

;; A service type known by name that runs one Shepherd service with the provisions and
;; requirements upstream's has, so that requirement checks see what Guix would see.
;; EXTENDS lists service types it extends with nothing, so that the folder instantiates them as
;; Guix does (a daemon that requires 'dbus-system extends dbus-root-service-type in Guix).
(define* (daemon-service-type name provision requirement default description
                              #:key (extends '()))
  (service-type
   (name name)
   (extensions
    (cons (service-extension shepherd-root-service-type
                             (lambda (config)
                               (list (shepherd-service
                                      (documentation description)
                                      (provision provision)
                                      (requirement requirement)
                                      (start #~(make-forkexec-constructor '(#$(symbol->string name))))
                                      (stop #~(make-kill-destructor))))))
          (map (lambda (target) (service-extension target (lambda (config) '())))
               extends)))
   (default-value default)
   (description description)))
