// cad-118-rodflat: rod_flat stock (turned edges), label -X
// features: -X flat; +Y circular pocket
// removed mm^3: px=0.000 mx=20.152 py=0.559 my=0.000 pz=0.000 mz=0.000
// margin: label blind 20.152 >= 1.50 x 0.559 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([-166.65, 27.03, 69.31], [[0, 0, -1], [1, 0, 0], [0, -1, 0]])
part() {
	rod_x(1.25, 16.24);
	translate([-1.00, -2.25, 0.49]) cube([18.24, 4.50, 2.25]);  // -X 20.152
	face([16.24, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([-0.60, 0.12, 0]) hole(0.21, 4.08);  // +Y 0.559
}
