// cad-093-boxvfillet: box_vfillet stock (vfillet edges), label +Z
// features: +Z circular pocket; +Z rounded pocket
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=28935.808 mz=0.000
// margin: label blind 28935.808 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-28.03, -66.67, -9.44], [[0, 1, 0], [-1, 0, 0], [0, 0, 1]])
part() {
	box_vfillet([65.39, 127.07, 53.15], 9.03);
	face([0, 0, 53.15], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([31.40, 54.36, 0]) hole(10.97, 29.78);  // +Z 10971.540
	face([0, 0, 53.15], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([30.03, 78.34, 0]) pocket(26.44, 22.45, 4.17, 31.12);  // +Z 17964.267
}
