// libxlsxwriter (Debian's libxlsxwriter-dev), for PilotReport's Excel workbooks. Not API: only
// XLSXWorkbook in PilotReport calls it.
#include <xlsxwriter.h>
