// cad-124-disk: disk stock (turned edges), label +Y
// features: +Y hole; +Y pocket; +Y hole through
// removed mm^3: px=0.000 mx=0.000 py=30004.116 my=0.000 pz=0.000 mz=0.000
// margin: label blind 22847.280 >= 1.50 x 7156.836 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([-145.23, 64.81, -46.83], [[0, -1, 0], [0, 0, 1], [-1, 0, 0]])
part() {
	rod_z(74.96, 32.98);
	face([0, 0, 32.98], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([39.29, 5.46, 0]) hole(5.74, 4.30);  // +Y 437.799
	face([0, 0, 32.98], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-2.99, 10.66, 0]) pocket(48.18, 103.36, 0.00, 4.50);  // +Y 22409.482
	face([0, 0, 32.98], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-51.61, 1.15, 0]) hole(8.38, 33.00);  // +Y 7156.836
}
