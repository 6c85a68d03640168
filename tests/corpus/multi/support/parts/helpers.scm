;; Helpers loaded with `load' by the configurations of this folder.
(define (labelled-root label)
  (file-system
    (device (file-system-label label))
    (mount-point "/")
    (type "ext4")))

(define (grub-on disk)
  (bootloader-configuration
   (bootloader grub-bootloader)
   (targets (list disk))))
