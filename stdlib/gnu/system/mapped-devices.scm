;;; (gnu system mapped-devices): encrypted, RAID and LVM device mappings.

(define-module (gnu system mapped-devices)
  #:use-module (gnu system)
  #:re-export (<mapped-device>
               mapped-device
               mapped-device?
               luks-device-mapping
               raid-device-mapping
               lvm-device-mapping))
