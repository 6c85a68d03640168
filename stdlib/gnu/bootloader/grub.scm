;;; (gnu bootloader grub): the GRUB bootloaders, as opaque values.

(define-module (gnu bootloader grub)
  #:use-module (gnu bootloader)
  #:export (grub-bootloader
            grub-minimal-bootloader
            grub-efi-bootloader
            grub-efi-removable-bootloader
            grub-efi32-bootloader
            grub-efi-netboot-bootloader
            grub-mkrescue-bootloader
            grub-theme
            grub-theme?))

(define (grub named package)
  (bootloader (name named) (package (specification->package package))))

(define grub-bootloader (grub 'grub "grub"))
(define grub-minimal-bootloader (grub 'grub "grub-minimal"))
(define grub-efi-bootloader
  (bootloader (inherit (grub 'grub-efi "grub-efi"))
              (configuration-file "/boot/efi/EFI/Guix/grub.cfg")))
(define grub-efi-removable-bootloader (grub 'grub-efi-removable-bootloader "grub-efi"))
(define grub-efi32-bootloader (grub 'grub-efi32 "grub-efi32"))
(define grub-efi-netboot-bootloader (grub 'grub-efi-netboot-bootloader "grub-efi"))
(define grub-mkrescue-bootloader (grub 'grub-mkrescue "grub-hybrid"))

(define-record-type* <grub-theme>
  grub-theme make-grub-theme
  grub-theme?
  (image           grub-theme-image (default #f))
  (resolution      grub-theme-resolution (default '(1024 . 768)))
  (color-normal    grub-theme-color-normal (default '((fg . light-gray) (bg . black))))
  (color-highlight grub-theme-color-highlight (default '((fg . yellow) (bg . black))))
  (gfxmode         grub-theme-gfxmode (default '("auto")) (type (list-of string))))
