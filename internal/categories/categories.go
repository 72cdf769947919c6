// Package categories manages the category tree of an account: at most six
// levels deep, never a cycle. Each row keeps its depth so the database itself
// refuses a seventh level.
package categories

import (
	"context"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/category"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/validate"
)

// MaxDepth is how deep the tree may grow; a root is at depth 1.
const MaxDepth = 6

// Create adds a category under parentID (or at the root).
func Create(ctx context.Context, c *ent.Client, in ent.CreateCategoryInput) (*ent.Category, error) {
	name, err := validate.Name("name", in.Name, 80)
	if err != nil {
		return nil, err
	}
	in.Name = name
	if _, err := c.Account.Get(ctx, in.AccountID); err != nil {
		return nil, errs.NotFound("account", "accountID")
	}
	if err := uniqueName(ctx, c, in.AccountID, name, 0); err != nil {
		return nil, err
	}
	depth := 1
	if in.ParentID != nil {
		p, err := c.Category.Query().Where(category.ID(*in.ParentID), category.AccountID(in.AccountID)).Only(ctx)
		if err != nil {
			return nil, errs.NotFound("parent category", "parentID")
		}
		depth = p.Depth + 1
		if depth > MaxDepth {
			return nil, errs.Invalid("parentID", "categories can be at most %d levels deep", MaxDepth)
		}
	}
	return c.Category.Create().SetInput(in).SetDepth(depth).Save(ctx)
}

// Update renames or recolors a category (moving goes through Move).
func Update(ctx context.Context, c *ent.Client, id int, in ent.UpdateCategoryInput) (*ent.Category, error) {
	cur, err := c.Category.Get(ctx, id)
	if err != nil {
		return nil, errs.NotFound("category", "id")
	}
	if in.Name != nil {
		name, err := validate.Name("name", *in.Name, 80)
		if err != nil {
			return nil, err
		}
		if err := uniqueName(ctx, c, cur.AccountID, name, id); err != nil {
			return nil, err
		}
		in.Name = &name
	}
	if in.ParentID != nil || in.ClearParent {
		var parent *int
		if !in.ClearParent {
			parent = in.ParentID
		}
		if _, err := Move(ctx, c, id, parent); err != nil {
			return nil, err
		}
		in.ParentID, in.ClearParent = nil, false
	}
	return c.Category.UpdateOneID(id).SetInput(in).Save(ctx)
}

// Move puts a category and its subtree under parentID (nil: the root).
func Move(ctx context.Context, c *ent.Client, id int, parentID *int) (*ent.Category, error) {
	cur, err := c.Category.Get(ctx, id)
	if err != nil {
		return nil, errs.NotFound("category", "id")
	}
	all, err := c.Category.Query().Where(category.AccountID(cur.AccountID)).All(ctx)
	if err != nil {
		return nil, err
	}
	children := map[int][]*ent.Category{}
	byID := map[int]*ent.Category{}
	for _, cat := range all {
		byID[cat.ID] = cat
		if cat.ParentID != nil {
			children[*cat.ParentID] = append(children[*cat.ParentID], cat)
		}
	}
	newDepth := 1
	if parentID != nil {
		p, ok := byID[*parentID]
		if !ok {
			return nil, errs.NotFound("parent category", "parentId")
		}
		for a := p; a != nil; {
			if a.ID == id {
				return nil, errs.Invalid("parentId", "a category cannot move under itself or its own subtree")
			}
			if a.ParentID == nil {
				break
			}
			a = byID[*a.ParentID]
		}
		newDepth = p.Depth + 1
	}
	if newDepth+height(children, id)-1 > MaxDepth {
		return nil, errs.Invalid("parentId", "the move would make the tree deeper than %d levels", MaxDepth)
	}
	shift := newDepth - cur.Depth
	u := c.Category.UpdateOneID(id).SetDepth(newDepth)
	if parentID != nil {
		u.SetParentID(*parentID)
	} else {
		u.ClearParentID()
	}
	moved, err := u.Save(ctx)
	if err != nil {
		return nil, err
	}
	if shift != 0 {
		var walk func(int) error
		walk = func(pid int) error {
			for _, ch := range children[pid] {
				if err := c.Category.UpdateOneID(ch.ID).SetDepth(ch.Depth + shift).Exec(ctx); err != nil {
					return err
				}
				if err := walk(ch.ID); err != nil {
					return err
				}
			}
			return nil
		}
		if err := walk(id); err != nil {
			return nil, err
		}
	}
	return moved, nil
}

// Delete removes a category and its subtree.
func Delete(ctx context.Context, c *ent.Client, id int) error {
	cur, err := c.Category.Get(ctx, id)
	if err != nil {
		return errs.NotFound("category", "id")
	}
	ids := []int{cur.ID}
	for frontier := []int{cur.ID}; len(frontier) > 0; {
		next, err := c.Category.Query().Where(category.ParentIDIn(frontier...)).IDs(ctx)
		if err != nil {
			return err
		}
		ids = append(ids, next...)
		frontier = next
	}
	// Deepest first so no row ever points at a deleted parent.
	for i := len(ids) - 1; i >= 0; i-- {
		if err := c.Category.DeleteOneID(ids[i]).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}

// height is the number of levels of the subtree rooted at id (1 for a leaf).
func height(children map[int][]*ent.Category, id int) int {
	h := 0
	for _, ch := range children[id] {
		if x := height(children, ch.ID); x > h {
			h = x
		}
	}
	return h + 1
}

func uniqueName(ctx context.Context, c *ent.Client, accountID int, name string, except int) error {
	exists, err := c.Category.Query().Where(category.AccountID(accountID), category.NameEqualFold(name), category.IDNEQ(except)).Exist(ctx)
	if err != nil {
		return err
	}
	if exists {
		return errs.Conflict("name", "a category named %q already exists", name)
	}
	return nil
}
