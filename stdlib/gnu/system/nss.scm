;;; (gnu system nss): the name service switch.

(define-module (gnu system nss)
  #:use-module (gnu system)
  #:use-module (gnu services base)
  #:re-export (name-service-switch
               name-service-switch?
               name-service
               %mdns-host-lookup-nss
               %default-nss))
