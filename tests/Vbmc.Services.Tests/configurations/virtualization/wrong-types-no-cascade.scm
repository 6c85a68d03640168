;; expect: error 9:23 name symbol
;; expect: error 10:23 date
;; expect: error 11:26 systems
;; expect: error 12:35 port-forwardings
;; Values of the wrong type are reported once, at the value, and nothing computed from them fails.
(use-modules (gnu services) (gnu services virtualization))
(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name "quoted")
                (date "2018-01-01")
                (systems "x86_64-linux")
                (port-forwardings 11022))))
