;; A build VM whose image is the upstream one, uncompressed (a raw disk), on an OS.
(use-modules (gnu)
             (gnu image)
             (gnu system image))
(use-service-modules networking virtualization)

(operating-system
  (host-name "rawhost")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "rawhost"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons* (service dhcpcd-service-type)
                   (service virtual-build-machine-service-type
                            (virtual-build-machine
                             (name 'raw)
                             (image (image
                                     (inherit (os->image %virtual-build-machine-operating-system
                                                         #:type (lookup-image-type-by-name 'mbr-raw)))
                                     (name 'build-vm-raw)
                                     (format 'disk-image)
                                     (size (* 30 (expt 2 30)))))))
                   %base-services)))
