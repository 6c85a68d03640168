;; guix-differential: guix-rejects
;; string->date with a format that does not match the string.
(use-modules (gnu services) (gnu services virtualization) (srfi srfi-19))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'badly-dated)
                (date (string->date "01/06/2015" "~Y-~m-~d")))))
