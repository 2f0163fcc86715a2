// cad-128-boxfillet: box_fillet stock (fillet edges), label +Y
// features: +Y countersink through; +Y pocket; +Z circular pocket; -X hole; +Z rounded pocket
// removed mm^3: px=0.000 mx=0.422 py=5.973 my=0.000 pz=1.731 mz=0.000
// margin: label blind 4.974 >= 1.50 x 1.731 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([16.19, 17.46, -163.19], [[0, -1, 0], [0, 0, 1], [-1, 0, 0]])
part() {
	box_fillet([2.83, 5.64, 6.50], 0.32, 12);
	face([0, 0, 6.50], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.83, 1.34, 0]) csink(0.36, 0.22, 0.14, 6.52);  // +Y 0.998
	face([0, 0, 6.50], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.56, 3.78, 0]) pocket(1.38, 1.34, 0.00, 2.69);  // +Y 4.974
	face([0, 0, 6.50], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([4.13, 2.72, 0]) hole(0.34, 0.40);  // +Z 0.144
	face([0, 5.64, 6.50], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([1.50, 5.77, 0]) hole(0.32, 1.32);  // -X 0.422
	face([0, 0, 6.50], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([2.18, 4.39, 0]) pocket(1.14, 1.83, 0.17, 0.77);  // +Z 1.587
}
