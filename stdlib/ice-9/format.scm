;;; (ice-9 format): format is a builtin (~a ~s ~d ~b ~o ~x ~% ~~); this module re-exports it.

(define-module (ice-9 format)
  #:re-export (format))
