#include "agenda/followup_template.h"
