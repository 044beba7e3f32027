#include "formats/email_message.h"
