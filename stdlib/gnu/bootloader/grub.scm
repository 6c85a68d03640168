;;; (gnu bootloader grub): the GRUB bootloaders, as opaque values, and grub-configuration.

(define-module (gnu bootloader grub)
  #:use-module (gnu bootloader)
  #:use-module ((gnu packages bootloaders)
                #:select (grub grub-minimal grub-efi grub-efi32 grub-hybrid))
  #:export (grub-bootloader
            grub-minimal-bootloader
            grub-efi-bootloader
            grub-efi-removable-bootloader
            grub-efi32-bootloader
            grub-efi-netboot-bootloader
            grub-mkrescue-bootloader
            grub-theme
            grub-theme?
            grub-configuration))

(define (grub-loader named package)
  (bootloader (name named) (package package)))

(define grub-bootloader (grub-loader 'grub grub))
(define grub-minimal-bootloader (grub-loader 'grub grub-minimal))
(define grub-efi-bootloader
  (bootloader (inherit (grub-loader 'grub-efi grub-efi))
              (configuration-file "/boot/efi/EFI/Guix/grub.cfg")))
(define grub-efi-removable-bootloader (grub-loader 'grub-efi-removable-bootloader grub-efi))
(define grub-efi32-bootloader (grub-loader 'grub-efi32 grub-efi32))
(define grub-efi-netboot-bootloader (grub-loader 'grub-efi-netboot-bootloader grub-efi))
(define grub-mkrescue-bootloader (grub-loader 'grub-mkrescue grub-hybrid))

(define-record-type* <grub-theme>
  grub-theme make-grub-theme
  grub-theme?
  (image           grub-theme-image (default #f))
  (resolution      grub-theme-resolution (default '(1024 . 768)))
  (color-normal    grub-theme-color-normal (default '((fg . light-gray) (bg . black))))
  (color-highlight grub-theme-color-highlight (default '((fg . yellow) (bg . black))))
  (gfxmode         grub-theme-gfxmode (default '("auto")) (type (list-of string))))

;; Guix's compatibility macro for the bootloader-configuration of old configurations: GRUB (or
;; GRUB-EFI when a (grub PACKAGE) other than grub is given) with the other fields as written.
;; Guix 1.5.0 still accepts it silently; vbmc warns that it is deprecated (as the manual says)
;; and checks what it stands for.
(define-syntax %grub-configuration
  (syntax-rules (grub)
    ((_ (grub %package) %field ...)
     (if (eq? %package grub)
         (bootloader-configuration (bootloader grub-bootloader) %field ...)
         (bootloader-configuration (bootloader grub-efi-bootloader) %field ...)))
    ((_ %field ...)
     (bootloader-configuration (bootloader grub-bootloader) %field ...))))

(define-deprecated/alias grub-configuration %grub-configuration bootloader-configuration)
