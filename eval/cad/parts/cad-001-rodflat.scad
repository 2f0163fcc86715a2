// cad-001-rodflat: rod_flat stock (turned edges), label -X
// features: -X flat; -Y hole; +Y counterbore
// removed mm^3: px=0.000 mx=108.533 py=3.940 my=1.500 pz=0.000 mz=0.000
// margin: label blind 108.533 >= 1.50 x 3.940 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([-40.13, -29.77, -28.76], [[0, 0, -1], [-1, 0, 0], [0, 1, 0]])
part() {
	rod_x(3.60, 22.05);
	translate([2.00, -4.60, 1.78]) cube([13.62, 9.20, 4.60]);  // -X 108.533
	face([22.05, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([-1.25, 1.67, 0]) hole(0.28, 6.14);  // -Y 1.500
	face([0, 0, 0], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([0.83, -0.86, 0]) cbore(0.74, 1.21, 0.38, 5.38);  // +Y 3.940
}
