// cad-020-boxvfillet: box_vfillet stock (vfillet edges), label +X
// features: +X pocket; +X hole; +X rounded pocket; +X circular pocket
// removed mm^3: px=89.604 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 89.604 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-160.83, -64.49, -175.40], [[0, 0, 1], [0, 1, 0], [-1, 0, 0]])
part() {
	box_vfillet([11.41, 12.28, 19.24], 1.86);
	face([0, 0, 19.24], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([6.46, 8.61, 0]) pocket(2.58, 2.16, 0.00, 8.19);  // +X 45.641
	face([0, 0, 19.24], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([8.69, 7.47, 0]) hole(0.38, 12.38);  // +X 5.593
	face([0, 0, 19.24], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([4.00, 4.30, 0]) pocket(3.65, 1.09, 0.41, 6.41);  // +X 24.563
	face([0, 0, 19.24], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([6.84, 6.22, 0]) hole(0.97, 4.69);  // +X 13.806
}
