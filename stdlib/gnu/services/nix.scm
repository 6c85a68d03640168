;;; (gnu services nix): the Nix daemon, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services nix)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (nix-service-type
            nix-configuration))

(define-opaque-configuration nix-configuration)

(define-opaque-service-types
  (nix-service-type 'nix (nix-configuration)))
