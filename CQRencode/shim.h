#ifndef ISP_WIZARD_CQRENCODE_SHIM_H
#define ISP_WIZARD_CQRENCODE_SHIM_H

// libqrencode (Debian's libqrencode-dev): the ballot server draws its address as a QR code with it.
#include <qrencode.h>

#endif
