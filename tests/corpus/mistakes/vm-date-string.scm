;; guix-differential: guix-rejects
;; A build VM whose date is a string instead of an SRFI-19 date.
(use-modules (gnu services) (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'stringly)
                (date "2018-01-01"))))
