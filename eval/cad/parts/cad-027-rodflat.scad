// cad-027-rodflat: rod_flat stock (turned edges), label +X
// features: +X flat; +X countersink; +Z rounded pocket
// removed mm^3: px=10657.779 mx=0.000 py=0.000 my=0.000 pz=732.754 mz=0.000
// margin: label blind 10657.779 >= 1.50 x 732.754 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-77.68, -35.45, 48.34], [[0, 0, 1], [0, 1, 0], [-1, 0, 0]])
part() {
	rod_x(18.74, 91.49);
	translate([41.62, -19.74, 8.34]) cube([43.25, 39.48, 19.74]);  // +X 10356.979
	face([41.62, 0, 8.34], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([25.45, 0.44, 0]) csink(6.19, 2.83, 3.36, 6.70);  // +X 300.800
	face([0, 0, 0], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([-0.15, 0.02, 0]) pocket(5.57, 5.58, 1.00, 24.31);  // +Z 732.754
}
