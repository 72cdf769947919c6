package demo

import "github.com/switchboard/switchboard/ent/category"

func categoryColor(s string) category.Color { return category.Color(s) }
