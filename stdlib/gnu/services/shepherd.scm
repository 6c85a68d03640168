;;; (gnu services shepherd): GNU Shepherd services and the root service they extend.
;;;
;;; shepherd-root-service-type is extended with lists of shepherd-service records; its folded
;;; value is a shepherd-configuration whose 'services' lists them all, in the order the
;;; extending services come.  vbmc's engine checks that graph (names provided twice,
;;; requirements nobody provides) at the service that contributed each one.

(define-module (gnu services shepherd)
  #:use-module (gnu services)
  #:export (shepherd-timer-service-type
            shepherd-transient-service-type
            shepherd-system-log-service-type
            <shepherd-service>
            shepherd-service
            shepherd-service?
            shepherd-service-documentation
            shepherd-service-provision
            shepherd-service-canonical-name
            shepherd-service-requirement
            shepherd-service-one-shot?
            shepherd-service-respawn?
            shepherd-service-respawn-limit
            shepherd-service-respawn-delay
            shepherd-service-start
            shepherd-service-stop
            shepherd-service-actions
            shepherd-service-auto-start?
            shepherd-service-modules
            shepherd-service-free-form
            shepherd-service-transient?

            <shepherd-action>
            shepherd-action
            shepherd-action?
            shepherd-action-name
            shepherd-action-documentation
            shepherd-action-procedure

            <shepherd-configuration>
            shepherd-configuration
            shepherd-configuration?
            shepherd-configuration-shepherd
            shepherd-configuration-services

            shepherd-root-service-type
            %default-modules
            shepherd-service-type))

(define %default-modules
  '((guix build utils) (guix build syscalls)))

(define-record-type* <shepherd-action>
  shepherd-action make-shepherd-action
  shepherd-action?
  (name          shepherd-action-name          (type symbol))
  (procedure     shepherd-action-procedure)
  (documentation shepherd-action-documentation (type string)))

(define-record-type* <shepherd-service>
  shepherd-service make-shepherd-service
  shepherd-service?
  (documentation shepherd-service-documentation (default "[No documentation.]") (type string))
  (provision     shepherd-service-provision     (type (non-empty-list-of symbol)))
  (requirement   shepherd-service-requirement   (default '()) (type (list-of symbol)))
  (one-shot?     shepherd-service-one-shot?     (default #f) (type boolean))
  (transient?    shepherd-service-transient?    (default #f) (type boolean))
  (respawn?      shepherd-service-respawn?      (default #t) (type boolean))
  (respawn-limit shepherd-service-respawn-limit (default #f))
  (respawn-delay shepherd-service-respawn-delay (default #f))
  (free-form     shepherd-service-free-form     (default #f))
  (start         shepherd-service-start)
  (stop          shepherd-service-stop          (default #~(const #f)))
  (actions       shepherd-service-actions       (default '()) (type (list-of <shepherd-action>)))
  (auto-start?   shepherd-service-auto-start?   (default #t) (type boolean))
  (modules       shepherd-service-modules       (default %default-modules) (type list)))

(define (shepherd-service-canonical-name service)
  (car (shepherd-service-provision service)))

(define-record-type* <shepherd-configuration>
  shepherd-configuration make-shepherd-configuration
  shepherd-configuration?
  (shepherd shepherd-configuration-shepherd (default #f))
  (services shepherd-configuration-services (default '()) (type (list-of <shepherd-service>))))

(define shepherd-root-service-type
  (service-type
   (name 'shepherd-root)
   (extensions (list (service-extension boot-service-type (lambda (config) '()))
                     (service-extension profile-service-type (lambda (config) '()))))
   (compose concatenate)
   (extend (lambda (config extra)
             (shepherd-configuration
              (inherit config)
              (services (append (shepherd-configuration-services config) extra)))))
   (default-value (shepherd-configuration))
   (description "Run the GNU Shepherd as PID 1---i.e., the operating system's service manager,
which starts, stops and tracks all other services.")))

;; (shepherd-service-type 'NAME PROC [DEFAULT] (description TEXT)): the type of a service whose
;; only extension gives shepherd-root-service-type the one Shepherd service PROC makes of the
;; value, as Guix's macro of the same name builds it; with DEFAULT, the type has that default.
(define-syntax shepherd-service-type
  (syntax-rules (description)
    ((_ type-name proc default (description text))
     (service-type
      (name type-name)
      (extensions (list (service-extension shepherd-root-service-type
                                           (lambda (value) (list (proc value))))))
      (default-value default)
      (description text)))
    ((_ type-name proc (description text))
     (service-type
      (name type-name)
      (extensions (list (service-extension shepherd-root-service-type
                                           (lambda (value) (list (proc value))))))
      (description text)))))

;; Shepherd's own services that Guix 1.5.0's %base-services runs, with their provisions (what
;; other services may require, and what a configuration may not provide a second time).
(define (shepherd-builtin-service-type type-name provision description)
  (service-type
   (name type-name)
   (extensions (list (service-extension shepherd-root-service-type
                                        (lambda (value)
                                          (list (shepherd-service
                                                 (documentation description)
                                                 (provision provision)
                                                 (start #~(const #t))))))))
   (default-value #t)
   (description description)))

(define shepherd-timer-service-type
  (shepherd-builtin-service-type 'shepherd-timer '(timer)
                                 "Shepherd's timer service, which runs commands at given times."))

(define shepherd-transient-service-type
  (shepherd-builtin-service-type 'shepherd-transient '(transient)
                                 "Shepherd's transient service, which runs commands in the background."))

(define shepherd-system-log-service-type
  (shepherd-builtin-service-type 'shepherd-system-log '(system-log syslogd)
                                 "Shepherd's system log, which takes the place of syslogd."))
