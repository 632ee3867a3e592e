#include "rules/identifying/common.hpp"
#include "rules/modules.hpp"

namespace dhrlint {

void add_identifying_rules(RuleList& rules) {
  rules.push_back(identifying::make_address_rule());
  rules.push_back(identifying::make_date_of_birth_rule());
  rules.push_back(identifying::make_email_address_rule());
  rules.push_back(identifying::make_local_service_rule());
  rules.push_back(identifying::make_metadata_name_rule());
  rules.push_back(identifying::make_nhs_number_rule());
  rules.push_back(identifying::make_ni_number_rule());
  rules.push_back(identifying::make_phone_number_rule());
  rules.push_back(identifying::make_private_identifier_rule());
  rules.push_back(identifying::make_real_name_rule());
  rules.push_back(identifying::make_reference_number_rule());
  rules.push_back(identifying::make_school_name_rule());
}

}  // namespace dhrlint
