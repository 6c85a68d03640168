;;; (gnu system mapped-devices): encrypted, RAID and LVM device mappings.

(define-module (gnu system mapped-devices)
  #:use-module (gnu system)
  #:re-export (<mapped-device>
               mapped-device
               mapped-device?
               mapped-device-source
               mapped-device-targets
               mapped-device-target
               mapped-device-type
               mapped-device-arguments
               luks-device-mapping
               raid-device-mapping
               lvm-device-mapping))
