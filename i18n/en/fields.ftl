# A date or time field whose text the core refused for a reason of its own (out of range,
# seconds): the field's name ("The new date") then the core's words ("… is out of range: …").
fields-problem = { $field } { $problem }.
