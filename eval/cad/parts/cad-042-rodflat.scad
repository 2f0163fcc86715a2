// cad-042-rodflat: rod_flat stock (turned edges), label +X
// features: +X flat; +Z rounded pocket; -Z pocket in pocket; +Z counterbore
// removed mm^3: px=10146.082 mx=0.000 py=0.000 my=0.000 pz=661.493 mz=163.407
// margin: label blind 10146.082 >= 1.50 x 661.493 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([79.02, 1.90, 82.85], [[0, 0, 1], [0, -1, 0], [1, 0, 0]])
part() {
	rod_x(10.49, 141.18);
	translate([-1.00, -11.49, 4.97]) cube([143.18, 22.98, 11.49]);  // +X 10146.082
	face([141.18, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([1.63, 1.86, 0]) pocket(5.44, 4.90, 0.55, 19.14);  // +Z 505.109
	face([0, 0, 0], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([4.92, 4.11, 0]) pocket2(2.71, 3.23, 0.28, 15.06, 1.26, 1.48, 0.34, 18.50, -0.12, 0.26);  // -Z 163.407
	face([141.18, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([-1.51, -6.04, 0]) cbore(1.65, 8.97, 0.88, 42.13);  // +Z 156.384
}
