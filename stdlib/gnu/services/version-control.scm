;;; (gnu services version-control): version control servers, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services version-control)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (git-daemon-service-type
            gitolite-service-type
            gitile-service-type
            git-daemon-configuration
            gitolite-configuration
            gitolite-rc-file
            gitile-configuration))

(define-opaque-configuration git-daemon-configuration)
(define-opaque-configuration gitolite-configuration)
(define-opaque-configuration gitolite-rc-file)
(define-opaque-configuration gitile-configuration)

(define-opaque-service-types
  (git-daemon-service-type 'git-daemon (git-daemon-configuration))
  (gitolite-service-type 'gitolite (gitolite-configuration))
  (gitile-service-type 'gitile (gitile-configuration)))
