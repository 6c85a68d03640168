;;; (gnu system keyboard): keyboard layouts.

(define-module (gnu system keyboard)
  #:use-module (gnu system)
  #:re-export (<keyboard-layout>
               keyboard-layout
               keyboard-layout?))
