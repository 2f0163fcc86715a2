// cad-089-rodend: rod_end stock (turned edges), label -X
// features: -X hole; -X pocket in pocket; +Y flat
// removed mm^3: px=0.000 mx=480.216 py=102.549 my=0.000 pz=0.000 mz=0.000
// margin: label blind 480.216 >= 1.50 x 102.549 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([68.75, -136.49, 3.22], [[0, 0, -1], [0, -1, 0], [-1, 0, 0]])
part() {
	rod_z(10.83, 67.46);
	face([0, 0, 67.46], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-1.43, 0.77, 0]) hole(1.03, 16.03);  // -X 52.818
	face([0, 0, 67.46], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.16, -4.56, 0]) pocket2(4.29, 5.76, 0.90, 15.72, 1.38, 2.47, 0.43, 15.52, 0.41, -0.20);  // -X 427.397
	translate([-11.83, -11.83, 10.63]) cube([23.66, 2.71, 8.00]);  // +Y 102.549
}
