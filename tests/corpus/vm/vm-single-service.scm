;; Not a list: the file's value is one service, a build VM with a date of 2012.
(use-modules (gnu services)
             (gnu services virtualization)
             (srfi srfi-19))

(service virtual-build-machine-service-type
         (virtual-build-machine
          (name 'just-one)
          (date (make-date 0 0 0 0 1 5 2012 0))))
