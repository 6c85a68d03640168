;; A build VM whose image is made from the upstream build-VM operating system with more packages
;; and a bigger disk.
(use-modules (gnu)
             (gnu image)
             (gnu system image)
             (gnu services virtualization))
(use-package-modules base version-control)

(define %builder-os
  (operating-system
    (inherit %virtual-build-machine-operating-system)
    (packages (cons* git gnu-make
                     (operating-system-packages %virtual-build-machine-operating-system)))))

(define %builder-image
  (image
   (inherit (os->image %builder-os #:type (lookup-image-type-by-name 'mbr-raw)))
   (name 'fat-builder)
   (format 'compressed-qcow2)
   (size (* 60 (expt 2 30)))))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'fat-builder)
                (image %builder-image))))
