// cad-130-boxvfillet: box_vfillet stock (vfillet edges), label -X
// features: -X pocket; -Y pocket in pocket
// removed mm^3: px=0.000 mx=5.559 py=0.000 my=0.713 pz=0.000 mz=0.000
// margin: label blind 5.559 >= 1.50 x 0.713 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([22.03, -168.71, 174.75], [[0, 0, -1], [0, -1, 0], [-1, 0, 0]])
part() {
	box_vfillet([6.10, 5.34, 3.84], 0.75);
	face([0, 0, 3.84], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([4.27, 2.47, 0]) pocket(1.42, 1.74, 0.00, 2.25);  // -X 5.559
	face([0, 5.34, 3.84], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([4.74, 2.27, 0]) pocket2(0.81, 1.06, 0.01, 0.56, 0.48, 0.53, 0.12, 0.96, 0.04, -0.02);  // -Y 0.713
}
